/*
** byname.c -- the by-name alias of the installed module (mk/install.mk).
**
** The dynamic loader's cache (ldconfig) holds only files named lib*.so*,
** under their DT_SONAME.  libtradestat.so (the module itself, no soname) is
** cached as "libtradestat.so", so `.load libtradestat` finds it.  For
** `.load tradestat` SQLite asks dlopen() for "tradestat" and then
** "tradestat.so"; this alias is an otherwise empty library whose soname is
** tradestat.so and which depends on libtradestat.so, so ldconfig caches it
** under that name, and dlsym() on it finds sqlite3_tradestat_init in the
** dependency.  No code of its own.
*/
typedef int tradestat_byname_alias;
