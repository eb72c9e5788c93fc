# No result depends on the host's locale: the locale check runs this very
# process under de_DE.UTF-8 (a comma-decimal locale compiled here with
# localedef, so the machine's own locale settings are untouched).
TEST_PKGS    += locales

$(BUILD)/locale/de_DE.UTF-8:
	@mkdir -p $(@D)
	@localedef -i de_DE -f UTF-8 $@ 2>/dev/null || test -d $@

$(eval $(call trust_suite,localetest,locale_check.py,,$$(BUILD)/locale/de_DE.UTF-8,LOCPATH=$$(BUILD)/locale))
