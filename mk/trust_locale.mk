# No result depends on the host's locale: the locale check runs this very
# process under de_DE.UTF-8 (a comma-decimal locale compiled here with
# localedef, so the machine's own locale settings are untouched).
TEST_PKGS    += locales
TEST_TARGETS += localetest
.PHONY: localetest

$(BUILD)/locale/de_DE.UTF-8:
	@mkdir -p $(@D)
	@localedef -i de_DE -f UTF-8 $@ 2>/dev/null || test -d $@

localetest: $(BUILD)/tradestat.so $(BUILD)/locale/de_DE.UTF-8
	@LOCPATH=$(BUILD)/locale $(PYTHON_EXT) tests/trust/locale_check.py $(BUILD)/tradestat
