# A Raft-replicated SQLite cluster (dqlite) serving tradestat:
#   make cluster       build $(BUILD)/tradestat-dqlite, a dqlite node with the
#                      extension (linked from $(BUILD)/libtradestat.a) on every
#                      connection
#   make cluster-test  three nodes on 127.0.0.1, queries through the dqlite
#                      shell, SIGKILL of the leader, failover, rejoin
# Not part of `make test` (it needs libdqlite and go-dqlite and takes about
# a minute); CI runs `make cluster-test` on its own.  docs/cluster.md.
CLUSTER_PKGS := $(BUILD_PKGS) libdqlite-dev go-dqlite python3

.PHONY: cluster cluster-test deps-cluster

deps-cluster:
	@sh tests/deps.sh $(CLUSTER_PKGS)

cluster: $(BUILD)/tradestat-dqlite

$(BUILD)/tradestat-dqlite: cluster/tradestat-dqlite.c ext/tradestat.h $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Iext $< -o $@ $(BUILD)/libtradestat.a -ldqlite -lsqlite3 -lpthread $(LDLIBS)

cluster-test: deps-cluster
	@$(MAKE) --no-print-directory cluster $(BUILD)/tradestat.so
	@bash tests/cluster/run.sh
