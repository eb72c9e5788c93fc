# make install / make uninstall: the loadable module (loadable by name, like
# a system library), the static library, the public header and a pkg-config
# file.  PREFIX (default /usr/local) and DESTDIR (staging root for
# packagers) as usual; LIBDIR, INCLUDEDIR and PKGCONFIGDIR can be overridden.
#   $(LIBDIR)/libtradestat.so         the module (build/tradestat.so, no soname)
#   $(LIBDIR)/libtradestat-byname.so  alias with soname tradestat.so that
#                                     depends on libtradestat.so, found
#                                     next to it (runpath $ORIGIN); no code
#   $(LIBDIR)/tradestat.so ->         libtradestat-byname.so (ldconfig makes
#                                     the same link from the soname)
#   $(LIBDIR)/libtradestat.a          static library (-DSQLITE_CORE)
#   $(INCLUDEDIR)/tradestat.h         declares sqlite3_tradestat_init
#   $(PKGCONFIGDIR)/tradestat.pc      pkg-config --cflags --libs tradestat
# SQLite's sqlite3_load_extension(db, NAME, 0) calls dlopen(NAME) and then
# dlopen(NAME.so), and derives the entry point from NAME (leading "lib"
# dropped): "tradestat", "libtradestat" and both full paths all give
# sqlite3_tradestat_init.  dlopen finds a bare name through LD_LIBRARY_PATH,
# the ldconfig cache (which holds only lib*.so* files, under their soname)
# and the system directories; hence the alias, and ldconfig after a real
# install.  ldconfig runs when DESTDIR is empty and make runs as root;
# LDCONFIG=: skips it (tests installing into a temporary PREFIX do).
PREFIX       ?= /usr/local
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL      ?= install
LDCONFIG     ?= ldconfig

TEST_TARGETS += installtest
TEST_PKGS += pkg-config

.PHONY: install uninstall installtest installtest-system

INSTALL_STAGE := $(BUILD)/install

# The module under its installed name: the same bytes as build/tradestat.so.
$(INSTALL_STAGE)/libtradestat.so: $(BUILD)/tradestat.so
	@mkdir -p $(@D)
	cp $< $@

$(INSTALL_STAGE)/libtradestat-byname.so: packaging/install/byname.c $(INSTALL_STAGE)/libtradestat.so
	$(CC) $(CFLAGS) -fPIC -shared -o $@ $< -Wl,-soname,tradestat.so \
	  -Wl,-rpath,'$$ORIGIN' -Wl,--no-as-needed -L$(INSTALL_STAGE) -ltradestat

# pkg-config file: libdir and includedir relative to ${prefix} when they are
# under PREFIX, so `pkg-config --define-prefix` works on a staged copy too.
$(INSTALL_STAGE)/tradestat.pc: packaging/install/tradestat.pc.in $(BUILD)/tradestat.so FORCE
	@mkdir -p $(@D)
	@v=$$($(SQLITE3) :memory: '.load $(BUILD)/tradestat' 'SELECT tradestat_version()') && \
	sed -e 's|@PREFIX@|$(PREFIX)|' \
	    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' \
	    -e "s|@VERSION@|$$v|" $< >$@.tmp && mv $@.tmp $@

.PHONY: FORCE
FORCE:

install: $(INSTALL_STAGE)/libtradestat.so $(INSTALL_STAGE)/libtradestat-byname.so \
         $(INSTALL_STAGE)/tradestat.pc $(BUILD)/libtradestat.a
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 $(INSTALL_STAGE)/libtradestat.so $(DESTDIR)$(LIBDIR)/libtradestat.so
	$(INSTALL) -m 755 $(INSTALL_STAGE)/libtradestat-byname.so $(DESTDIR)$(LIBDIR)/libtradestat-byname.so
	ln -sf libtradestat-byname.so $(DESTDIR)$(LIBDIR)/tradestat.so
	$(INSTALL) -m 644 $(BUILD)/libtradestat.a $(DESTDIR)$(LIBDIR)/libtradestat.a
	$(INSTALL) -m 644 ext/tradestat.h $(DESTDIR)$(INCLUDEDIR)/tradestat.h
	$(INSTALL) -m 644 $(INSTALL_STAGE)/tradestat.pc $(DESTDIR)$(PKGCONFIGDIR)/tradestat.pc
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then echo "$(LDCONFIG)"; $(LDCONFIG); fi

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libtradestat.so $(DESTDIR)$(LIBDIR)/libtradestat-byname.so \
	      $(DESTDIR)$(LIBDIR)/tradestat.so $(DESTDIR)$(LIBDIR)/libtradestat.a \
	      $(DESTDIR)$(INCLUDEDIR)/tradestat.h $(DESTDIR)$(PKGCONFIGDIR)/tradestat.pc
	-@rmdir $(DESTDIR)$(PKGCONFIGDIR) 2>/dev/null || true
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then echo "$(LDCONFIG)"; $(LDCONFIG); fi

# Installs into a temporary DESTDIR and a temporary PREFIX, uses what was
# installed (the module by full path and by bare name, a client compiled with
# pkg-config against the installed header and static library), uninstalls.
# Never touches the real PREFIX.
installtest: $(BUILD)/tradestat.so $(BUILD)/libtradestat.a $(BUILD)/tests/load_client
	@sh tests/install_check.sh

# The real thing: make install into /usr/local (root only), .load by bare
# name with no LD_LIBRARY_PATH, make uninstall.  Refuses to run when a
# tradestat is already installed there (it would be removed).  Part of
# `make clients-test`, not of `make test`.
installtest-system: $(BUILD)/tradestat.so $(BUILD)/libtradestat.a $(BUILD)/tests/load_client
	@sh tests/install_check.sh --system
