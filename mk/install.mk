# make install / make uninstall: the loadable module, the static library
# and the public header.  PREFIX (default /usr/local) and DESTDIR (staging
# root for packagers) as usual; LIBDIR and INCLUDEDIR can be overridden.
#   $(LIBDIR)/tradestat.so       .load /usr/local/lib/tradestat
#   $(LIBDIR)/libtradestat.a     link with -ltradestat -lsqlite3 -lm
#   $(INCLUDEDIR)/tradestat.h    declares sqlite3_tradestat_init
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
INSTALL    ?= install

TEST_TARGETS += installtest

.PHONY: install uninstall installtest

install: $(BUILD)/tradestat.so $(BUILD)/libtradestat.a
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)
	$(INSTALL) -m 755 $(BUILD)/tradestat.so $(DESTDIR)$(LIBDIR)/tradestat.so
	$(INSTALL) -m 644 $(BUILD)/libtradestat.a $(DESTDIR)$(LIBDIR)/libtradestat.a
	$(INSTALL) -m 644 ext/tradestat.h $(DESTDIR)$(INCLUDEDIR)/tradestat.h

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/tradestat.so $(DESTDIR)$(LIBDIR)/libtradestat.a \
	      $(DESTDIR)$(INCLUDEDIR)/tradestat.h

# Installs into a temporary DESTDIR, uses what was installed (shell .load,
# a client compiled against the installed header and library), uninstalls.
installtest: $(BUILD)/tradestat.so $(BUILD)/libtradestat.a
	@sh tests/install_check.sh
