# Clients of the extension, each tested for real by `make test`:
#   pyclient      Python's sqlite3 (enable_load_extension + load_extension)
#   staticclient  a C program linked with build/libtradestat.a (-DSQLITE_CORE)
#                 and the system SQLite, registered with sqlite3_auto_extension
#   loadclient    a C program loading build/tradestat with a NULL entry point
# (The sqlite3 shell client is tests/sql, run by sqltest.)
TEST_TARGETS += pyclient staticclient loadclient
TEST_PKGS += python3

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
