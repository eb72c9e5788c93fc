# make dist: the Python wheel and the npm package, both with the loadable
# module inside (the sqlite-vec / sqlean convention), into dist/.
#   dist/tradestat-VERSION-py3-none-linux_x86_64.whl  tradestat.load(conn),
#                                                    tradestat.loadable_path()
#   dist/tradestat-VERSION.tgz                        require("tradestat").load(db),
#                                                    .getLoadablePath()
# The wheel is built by packaging/python/build_wheel.py (standard library
# only, no PyPI); the npm package by `npm pack`.  Tested by `make
# clients-test` (mk/clients.mk), which installs and uses both.
DIST_PKGS := python3 nodejs npm

.PHONY: dist deps-dist

deps-dist:
	@sh tests/deps.sh $(DIST_PKGS)

dist: $(BUILD)/tradestat.so
	@sh packaging/dist.sh
