# Clients of the extension, each tested for real by `make test`:
#   pyclient      Python's sqlite3 (enable_load_extension + load_extension)
#   staticclient  a C program linked with build/libtradestat.a (-DSQLITE_CORE)
#                 and the system SQLite, registered with sqlite3_auto_extension
#   loadclient    a C program loading build/tradestat with a NULL entry point
# (The sqlite3 shell client is tests/sql, run by sqltest.)
TEST_TARGETS += pyclient staticclient loadclient
TEST_PKGS += python3
# load_client is used by installtest too: built before the suites run.
TEST_PREREQS += $(BUILD)/tests/static_client $(BUILD)/tests/load_client

.PHONY: pyclient staticclient loadclient

CLIENT_HDR := tests/clients/client_check.h

$(BUILD)/tests/static_client: tests/clients/static_client.c $(CLIENT_HDR) ext/tradestat.h $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Iext $< -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

$(BUILD)/tests/load_client: tests/clients/load_client.c $(CLIENT_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $< -o $@ -lsqlite3

pyclient: $(BUILD)/tradestat.so
	@sh tests/clients/run_python.sh

staticclient: $(BUILD)/tests/static_client
	@$(BUILD)/tests/static_client

loadclient: $(BUILD)/tests/load_client $(BUILD)/tradestat.so
	@$(BUILD)/tests/load_client build/tradestat

# The slow clients, kept out of `make test`: `make clients-test` installs the
# Debian packages they need, builds, makes dist/, installs into a temporary
# PREFIX (build/clients/prefix), runs every recipe of docs/clients.md as
# written there (tests/clients/recipes.py: sqlite3 shell by bare name,
# sqlite-utils, litecli -e, Python + pandas, the wheel in a venv, Node with
# better-sqlite3 and libsql from the npm package, R RSQLite, Go
# mattn/go-sqlite3), then installtest-system (root: a real install into
# /usr/local, loaded by bare name, uninstalled).  Caches: build/clients/work
# (node_modules, the venv) and build/clients/cache (npm, Go).
#   make clients-test RECIPES="node go"   only those recipes
# better-sqlite3 compiles from source on a first npm install (minutes).
CLIENT_PKGS := sqlite3 pkg-config python3 python3-pandas python3-venv sqlite-utils litecli \
               r-cran-rsqlite golang-go golang-github-mattn-go-sqlite3-dev nodejs g++ make
CLIENTS_PREFIX := $(CURDIR)/$(BUILD)/clients/prefix
RECIPES ?=

.PHONY: clients-test deps-clients clients-recipes

deps-clients:
	@sh tests/deps.sh $(CLIENT_PKGS)
	@command -v npm >/dev/null || { echo "clients: npm not found (Debian: apt-get install npm; NodeSource's nodejs includes it)" >&2; exit 1; }

clients-recipes: $(BUILD)/tradestat.so $(BUILD)/libtradestat.a
	@$(MAKE) --no-print-directory -s dist
	@rm -rf $(CLIENTS_PREFIX)
	@$(MAKE) --no-print-directory -s install PREFIX=$(CLIENTS_PREFIX) LDCONFIG=: >/dev/null
	@/usr/bin/python3 tests/clients/recipes.py docs/clients.md $(CLIENTS_PREFIX) $(RECIPES)

clients-test: deps-clients
	@$(MAKE) --no-print-directory all static
	@$(MAKE) --no-print-directory clients-recipes
	@$(MAKE) --no-print-directory installtest-system
