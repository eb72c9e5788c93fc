/*
** vtab/series_args.c -- the arguments of the series virtual tables: names as
** the user writes them, CREATE VIRTUAL TABLE key=value lists, the
** table-valued form's argument values, and the declared schema.
**
** Contract:
**  1. A name may be quoted ("x", 'x', [x], `x`, with doubled quotes inside);
**     the quotes are removed here and every later use quotes it again with
**     "%w", so no name is ever pasted into SQL.
**  2. `schema.table` is split on the first '.' outside quotes.  A
**     CREATE argument source=, value=, period= (or a module's column key:
**     flow=, exports=, imports=) in identifier quotes
**     (source="x.y", value=[a b]) is one name, as in SQL; in single
**     quotes it is a text that holds a name or a schema.table
**     (source='main."x.y"').  by= is a list in any quotes
**     (by="flow, partner", as the options text documents it).
**  3. Unknown keys, malformed arguments, empty names, a bad grain and a
**     missing required argument are errors that name the module and quote
**     what was given, cut to 60 bytes with control bytes shown safely
**     (ts_text_repr); a table-valued argument that is not TEXT or holds a
**     NUL byte is not a name.
**  4. Every string is sqlite3_malloc'ed and owned by the spec; out of
**     memory is SQLITE_NOMEM with no message.
*/
#include "vtab/series_source.h"
#include "vtab/series_hash.h"

/* ---- names and arguments ------------------------------------------- */

static char closing_quote(char c) {
  switch (c) {
    case '"': return '"';
    case '\'': return '\'';
    case '`': return '`';
    case '[': return ']';
    default: return 0;
  }
}

/* Whether [z, z+n) is ONE quoted token: the quote that closes z[0] is
** its last byte ("a""b" yes; "main"."t" no: two tokens and a dot). */
static int is_one_quoted(const char *z, int n) {
  char close = n >= 2 ? closing_quote(z[0]) : 0;
  if (close == 0) return 0;
  int i = 1;
  for (; i < n; i++) {
    if (z[i] != close) continue;
    if (close != ']' && i + 1 < n && z[i + 1] == close) {
      i++;
      continue;
    }
    break;
  }
  return i == n - 1;
}

/* Copies [z, z+n) trimmed and unquoted ("a""b" -> a"b). NULL on OOM. */
static char *unquote(const char *z, int n) {
  ts_trim(&z, &n);
  if (is_one_quoted(z, n)) {
    char close = closing_quote(z[0]);
    char *out = sqlite3_malloc64((sqlite3_uint64)n);
    if (out == NULL) return NULL;
    int j = 0;
    for (int i = 1; i < n - 1; i++) {
      out[j++] = z[i];
      if (z[i] == close && close != ']' && i + 1 < n - 1 && z[i + 1] == close) i++;
    }
    out[j] = 0;
    return out;
  }
  return sqlite3_mprintf("%.*s", n, z);
}

/* Position of the first `sep` outside quotes in z, or -1. */
static int find_unquoted(const char *z, char sep) {
  char close = 0;
  for (int i = 0; z[i]; i++) {
    if (close) {
      if (z[i] == close) close = 0;
    } else if (z[i] == sep) {
      return i;
    } else {
      close = closing_quote(z[i]);
    }
  }
  return -1;
}

/* A text given by the user, for a message: 'text' cut to 60 bytes with
** a marker, control bytes as char(N) (ts_text_repr). */
static char *shown(const char *z) { return ts_text_repr(z, (int)strlen(z)); }

/* A name for a message inside "...": cut to 60 bytes on a character
** boundary with "...", a control character as '?' (C0, DEL, and C1:
** U+0080..U+009F, written C2 80..C2 9F, where U+009B starts an escape
** sequence on its own), so a 10 kB name or an escape sequence never
** reaches the message whole. */
char *ts_name_shown(const char *z) {
  if (z == NULL) return NULL;
  int n = (int)strlen(z), cut = n;
  if (n > 60) {
    cut = 60;
    while (cut > 0 && ((unsigned char)z[cut] & 0xC0) == 0x80) cut--;
  }
  char *out = sqlite3_mprintf("%.*s%s", cut, z, cut < n ? "..." : "");
  char *w = out;
  for (const char *p = out; p && *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F) {
      *w++ = '?';
      p++;
    } else {
      *w++ = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
  }
  if (w) *w = 0;
  return out;
}

void ts_source_spec_clear(ts_source_spec *spec) {
  sqlite3_free(spec->zSchema);
  sqlite3_free(spec->zTable);
  sqlite3_free(spec->zPeriod);
  sqlite3_free(spec->zFlow);
  for (int i = 0; i < 2; i++) {
    sqlite3_free(spec->azValue[i]);
    sqlite3_free(spec->azFlowLabel[i]);
  }
  for (int i = 0; i < spec->nBy; i++) {
    sqlite3_free(spec->azBy[i]);
    sqlite3_free(spec->azByColl[i]);
  }
  const char *zModule = spec->zModule;
  memset(spec, 0, sizeof(*spec));
  spec->zModule = zModule;
}

int ts_source_set_name(char **pz, const char *zName) {
  if (zName == NULL) return SQLITE_ERROR;
  char *z = unquote(zName, (int)strlen(zName));
  if (z == NULL) return SQLITE_NOMEM;
  if (z[0] == 0) {
    sqlite3_free(z);
    return SQLITE_ERROR;
  }
  sqlite3_free(*pz);
  *pz = z;
  return SQLITE_OK;
}

int ts_source_set_table(ts_source_spec *spec, const char *zSource) {
  if (zSource == NULL) return SQLITE_ERROR;
  int dot = find_unquoted(zSource, '.');
  sqlite3_free(spec->zSchema);
  spec->zSchema = NULL;
  spec->schema_implied = 0;
  if (dot < 0) return ts_source_set_name(&spec->zTable, zSource);
  spec->zSchema = unquote(zSource, dot);
  if (spec->zSchema == NULL) return SQLITE_NOMEM;
  return ts_source_set_name(&spec->zTable, zSource + dot + 1);
}

int ts_source_set_by(ts_source_spec *spec, const char *zList, char **pzErr) {
  for (int i = 0; i < spec->nBy; i++) sqlite3_free(spec->azBy[i]);
  spec->nBy = 0;
  const char *z = zList;
  for (;;) {
    int comma = find_unquoted(z, ',');
    int n = comma < 0 ? (int)strlen(z) : comma;
    if (spec->nBy == TS_MAX_BY) {
      char *zShown = shown(zList);
      *pzErr = zShown ? sqlite3_mprintf("%s: by= names more than %d columns: %s", spec->zModule,
                                        TS_MAX_BY, zShown)
                      : NULL;
      sqlite3_free(zShown);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    char *zName = unquote(z, n);
    if (zName == NULL) return SQLITE_NOMEM;
    if (zName[0] == 0) {
      sqlite3_free(zName);
      char *zShown = shown(zList);
      *pzErr = zShown
                   ? sqlite3_mprintf("%s: by= has an empty column name: %s", spec->zModule, zShown)
                   : NULL;
      sqlite3_free(zShown);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    spec->azBy[spec->nBy++] = zName;
    if (comma < 0) return SQLITE_OK;
    z += comma + 1;
  }
}

int ts_split_options(const char *zModule, const char *zOptions, char **azOut, int nMax, int *pnOut,
                     char **pzErr) {
  *pnOut = 0;
  const char *z = zOptions;
  for (;;) {
    int n = find_unquoted(z, ',');
    int len = n < 0 ? (int)strlen(z) : n;
    const char *zPart = z;
    int nPart = len;
    ts_trim(&zPart, &nPart);
    if (nPart > 0) {
      if (*pnOut == nMax) {
        char *zShown = shown(zOptions);
        *pzErr = zShown ? sqlite3_mprintf("%s: more than %d options in %s", zModule, nMax, zShown)
                        : NULL;
        sqlite3_free(zShown);
        return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      }
      char *zOne = sqlite3_mprintf("%.*s", nPart, zPart);
      if (zOne == NULL) return SQLITE_NOMEM;
      azOut[(*pnOut)++] = zOne;
      if (find_unquoted(zOne, '=') <= 0) {
        char *zShown = shown(zOne);
        *pzErr = zShown ? sqlite3_mprintf(
                              "%s: option is not key=value: %s (options are written"
                              " like 'grain=year, by=partner')",
                              zModule, zShown)
                        : NULL;
        sqlite3_free(zShown);
        return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      }
    }
    if (n < 0) break;
    z += n + 1;
  }
  return SQLITE_OK;
}

int ts_parse_kv(const char *zModule, const char *zArg, char **pzKey, char **pzValue, char **pzErr) {
  int eq = find_unquoted(zArg, '=');
  *pzKey = *pzValue = NULL;
  if (eq <= 0) {
    char *zShown = shown(zArg);
    *pzErr = zShown ? sqlite3_mprintf("%s: argument is not key=value: %s", zModule, zShown) : NULL;
    sqlite3_free(zShown);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  *pzKey = unquote(zArg, eq);
  *pzValue = unquote(zArg + eq + 1, (int)strlen(zArg + eq + 1));
  if (*pzKey == NULL || *pzValue == NULL) {
    sqlite3_free(*pzKey);
    sqlite3_free(*pzValue);
    *pzKey = *pzValue = NULL;
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Columns are always referenced as s."name": a qualified name can never
** fall back to a string literal the way an unknown "name" does. */
char *ts_source_sql_name(const ts_source_spec *spec) {
  if (spec->zSchema) return sqlite3_mprintf("\"%w\".\"%w\" AS s", spec->zSchema, spec->zTable);
  return sqlite3_mprintf("\"%w\" AS s", spec->zTable);
}

/* The source as the user wrote it, for messages. */
char *ts_source_display_name(const ts_source_spec *spec) {
  char *zName = NULL;
  if (spec->zSchema && !spec->schema_implied)
    zName = sqlite3_mprintf("%s.%s", spec->zSchema, spec->zTable);
  else
    zName = sqlite3_mprintf("%s", spec->zTable);
  char *zShown = zName ? ts_name_shown(zName) : NULL;
  sqlite3_free(zName);
  return zShown;
}

/* ---- CREATE VIRTUAL TABLE arguments and the declared schema --------- */

/* "module: <what>: 'value'" for a setting that is not one of its words. */
static int setting_error(const ts_source_spec *spec, const char *zWhat, const char *zValue,
                         char **pzErr) {
  char *zShown = shown(zValue);
  *pzErr = zShown ? sqlite3_mprintf("%s: %s: %s", spec->zModule, zWhat, zShown) : NULL;
  sqlite3_free(zShown);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The name an argument's value gives: in identifier quotes ("x.y", [a b],
** `c`) the value is one identifier, as the same quotes mean in SQL, so
** source="x.y" is the table "x.y" and never table y of a schema x; any
** other value is the text (unquoted from '...') that holds the name or
** schema.table.  *pzName is what ts_source_set_name/_table read; NULL
** on out of memory. */
static char *name_value(const char *zArg, const char *zValue) {
  const char *z = zArg + find_unquoted(zArg, '=') + 1;
  int n = (int)strlen(z);
  ts_trim(&z, &n);
  if (n >= 2 && z[0] != '\'' && is_one_quoted(z, n)) return sqlite3_mprintf("%.*s", n, z);
  return sqlite3_mprintf("%s", zValue);
}

/* The modules' own keys that name a source column (trade_imbalance's
** long and wide forms); their values are names like value='s. */
static int is_column_key(const char *zKey) {
  static const char *const azKey[] = {"flow", "exports", "imports"};
  for (size_t k = 0; k < sizeof(azKey) / sizeof(azKey[0]); k++)
    if (sqlite3_stricmp(zKey, azKey[k]) == 0) return 1;
  return 0;
}

static int configure_one(ts_source_spec *spec, const char *zArg, const char *zKey,
                         const char *zValue, char **pzErr) {
  int rc = SQLITE_OK;
  int is_name = sqlite3_stricmp(zKey, "source") == 0 || sqlite3_stricmp(zKey, "value") == 0 ||
                sqlite3_stricmp(zKey, "period") == 0;
  char *zName = is_name ? name_value(zArg, zValue) : NULL;
  if (is_name && zName == NULL) return SQLITE_NOMEM;
  if (sqlite3_stricmp(zKey, "source") == 0) {
    rc = ts_source_set_table(spec, zName);
  } else if (sqlite3_stricmp(zKey, "value") == 0) {
    rc = ts_source_set_name(&spec->azValue[0], zName);
    spec->nValue = 1;
  } else if (sqlite3_stricmp(zKey, "period") == 0) {
    rc = ts_source_set_name(&spec->zPeriod, zName);
  } else if (sqlite3_stricmp(zKey, "by") == 0) {
    return ts_source_set_by(spec, zValue, pzErr);
  } else if (sqlite3_stricmp(zKey, "grain") == 0) {
    spec->grain = ts_period_kind_from_name(zValue);
    if (spec->grain == TS_KIND_NONE || spec->grain == TS_KIND_DAY)
      return setting_error(spec, "grain must be year, half, quarter or month", zValue, pzErr);
    return SQLITE_OK;
  } else if (sqlite3_stricmp(zKey, "scan") == 0) {
    if (ts_scan_mode_from_name(zValue, &spec->scan))
      return setting_error(spec, "scan must be auto, hash or stream", zValue, pzErr);
    return SQLITE_OK;
  } else {
    return SQLITE_NOTFOUND;
  }
  sqlite3_free(zName);
  if (rc == SQLITE_ERROR) {
    *pzErr = sqlite3_mprintf("%s: %s= needs a name", spec->zModule, zKey);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return rc;
}

/* Whether argument i repeats the key of an earlier argument. */
static int repeated_key(const char *const *argv, int i, const char *zKey) {
  for (int j = 0; j < i; j++) {
    char *zOther = NULL, *zIgnored = NULL, *zErr = NULL;
    int same = ts_parse_kv("", argv[j], &zOther, &zIgnored, &zErr) == SQLITE_OK &&
               sqlite3_stricmp(zOther, zKey) == 0;
    sqlite3_free(zOther);
    sqlite3_free(zIgnored);
    sqlite3_free(zErr);
    if (same) return 1;
  }
  return 0;
}

int ts_source_configure(ts_source_spec *spec, int argc, const char *const *argv,
                        const char *const *azExtra, int nExtra, char **azExtraValue, char **pzErr) {
  for (int i = 0; i < argc; i++) {
    char *zKey = NULL, *zValue = NULL;
    int rc = ts_parse_kv(spec->zModule, argv[i], &zKey, &zValue, pzErr);
    char *zKeyShown = rc == SQLITE_OK ? ts_name_shown(zKey) : NULL;
    if (rc == SQLITE_OK && zKeyShown == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK && repeated_key(argv, i, zKey)) {
      *pzErr = sqlite3_mprintf("%s: argument %s= is given twice", spec->zModule, zKeyShown);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK) rc = configure_one(spec, argv[i], zKey, zValue, pzErr);
    for (int k = 0; rc == SQLITE_NOTFOUND && k < nExtra; k++) {
      if (sqlite3_stricmp(zKey, azExtra[k]) == 0) {
        sqlite3_free(azExtraValue[k]);
        /* A module's own key that names a source column gets the name as
        ** written, for ts_source_set_name to unquote once like value= */
        if (is_column_key(zKey)) {
          azExtraValue[k] = name_value(argv[i], zValue);
          rc = azExtraValue[k] ? SQLITE_OK : SQLITE_NOMEM;
        } else {
          azExtraValue[k] = zValue;
          zValue = NULL;
          rc = SQLITE_OK;
        }
      }
    }
    if (rc == SQLITE_NOTFOUND) {
      sqlite3_str *s = sqlite3_str_new(NULL);
      sqlite3_str_appendf(
          s, "%s: unknown argument \"%s\" (expected source, value, period, by, grain, scan",
          spec->zModule, zKeyShown);
      for (int k = 0; k < nExtra; k++) sqlite3_str_appendf(s, ", %s", azExtra[k]);
      sqlite3_str_appendall(s, ")");
      *pzErr = sqlite3_str_finish(s);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    sqlite3_free(zKey);
    sqlite3_free(zKeyShown);
    sqlite3_free(zValue);
    if (rc != SQLITE_OK) return rc;
  }
  const char *zMissing = spec->zTable == NULL ? "source" : spec->zPeriod == NULL ? "period" : NULL;
  if (zMissing) {
    *pzErr = sqlite3_mprintf("%s: missing argument %s=", spec->zModule, zMissing);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* Length of the column name at the start of a "name TYPE" declaration. */
static int decl_name_length(const char *zDecl) {
  int n = 0;
  while (zDecl[n] && zDecl[n] != ' ') n++;
  return n;
}

char *ts_series_schema(const ts_source_spec *spec, const char *const *azResult, int nResult,
                       const char *const *azArg, int nArg, char **pzErr) {
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendall(s, "CREATE TABLE x(");
  if (spec == NULL) {
    sqlite3_str_appendall(s, "series, ");
  } else {
    for (int i = 0; i < spec->nBy; i++) {
      for (int k = 0; k < nResult; k++) {
        int n = decl_name_length(azResult[k]);
        if ((int)strlen(spec->azBy[i]) == n &&
            sqlite3_strnicmp(spec->azBy[i], azResult[k], n) == 0) {
          *pzErr = sqlite3_mprintf("%s: by column \"%s\" has the name of a result column",
                                   spec->zModule, spec->azBy[i]);
          sqlite3_free(sqlite3_str_finish(s));
          return NULL;
        }
      }
      sqlite3_str_appendf(s, "\"%w\"", spec->azBy[i]);
      if (spec->azByAff[i]) sqlite3_str_appendf(s, " %s", spec->azByAff[i]);
      if (spec->azByColl[i]) sqlite3_str_appendf(s, " COLLATE \"%w\"", spec->azByColl[i]);
      sqlite3_str_appendall(s, ", ");
    }
  }
  for (int k = 0; k < nResult; k++) sqlite3_str_appendf(s, "%s%s", k ? ", " : "", azResult[k]);
  for (int k = 0; k < nArg; k++) sqlite3_str_appendf(s, ", %s HIDDEN", azArg[k]);
  sqlite3_str_appendall(s, ")");
  return sqlite3_str_finish(s);
}

/* ---- the table-valued form's arguments ----------------------------- */

static int argument_error(const ts_source_spec *spec, int k, const char *zRole, sqlite3_value *v,
                          char **pzErr) {
  if (v == NULL || sqlite3_value_type(v) == SQLITE_NULL) {
    *pzErr = sqlite3_mprintf("%s: argument %d (%s) is missing", spec->zModule, k + 1, zRole);
  } else {
    /* The method and the options are words, not names of the source. */
    int is_name = strcmp(zRole, "options") != 0 && strcmp(zRole, "method") != 0;
    char *zRepr = ts_value_repr(v);
    *pzErr =
        zRepr ? sqlite3_mprintf("%s: argument %d (%s) %s: %s", spec->zModule, k + 1, zRole,
                                is_name ? "is not a name" : "must be text without NUL bytes", zRepr)
              : NULL;
    sqlite3_free(zRepr);
  }
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

int ts_source_from_arguments(ts_source_spec *spec, sqlite3_value **apArg, const char *const *azRole,
                             int nArg, int nRequired, char **pzErr) {
  for (int k = 0; k < nArg; k++) {
    sqlite3_value *v = apArg[k];
    int missing = v == NULL || sqlite3_value_type(v) == SQLITE_NULL;
    /* An optional argument may be skipped with NULL or with '': the empty
    ** text also works when SQLite plans the WHERE as a multi-index OR,
    ** where it compares the argument's hidden column with the value and
    ** NULL = NULL never holds. */
    if (k >= nRequired && !missing && sqlite3_value_type(v) == SQLITE_TEXT &&
        sqlite3_value_bytes(v) == 0)
      continue;
    if (missing && k >= nRequired) continue;
    /* The type first: sqlite3_value_text() converts a BLOB in place, and
    ** x'74' then passed for the table t.  A NUL byte inside ended the
    ** name early: 't' || char(0) || 'x' read table t. */
    if (missing || sqlite3_value_type(v) != SQLITE_TEXT)
      return argument_error(spec, k, azRole[k], v, pzErr);
    const char *z = (const char *)sqlite3_value_text(v);
    if (z == NULL) return SQLITE_NOMEM;
    if (z[0] == 0 || (int)strlen(z) != sqlite3_value_bytes(v))
      return argument_error(spec, k, azRole[k], v, pzErr);
    int rc = SQLITE_OK;
    if (strcmp(azRole[k], "source") == 0) {
      rc = ts_source_set_table(spec, z);
    } else if (strcmp(azRole[k], "value") == 0) {
      rc = ts_source_set_name(&spec->azValue[0], z);
      spec->nValue = 1;
    } else if (strcmp(azRole[k], "period") == 0) {
      rc = ts_source_set_name(&spec->zPeriod, z);
    } else if (strcmp(azRole[k], "flow") == 0) {
      rc = ts_source_set_name(&spec->zFlow, z);
    } else if (strcmp(azRole[k], "series") == 0) {
      /* One column, or a comma list ('partner, category'). */
      char *zErr = NULL;
      rc = ts_source_set_by(spec, z, &zErr);
      sqlite3_free(zErr);
      if (rc == SQLITE_ERROR && spec->nBy == TS_MAX_BY) { /* names, but too many */
        char *zShown = ts_value_repr(v);
        *pzErr = zShown ? sqlite3_mprintf("%s: argument %d (series) names more than %d columns: %s",
                                          spec->zModule, k + 1, TS_MAX_BY, zShown)
                        : NULL;
        sqlite3_free(zShown);
        return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      }
    }
    if (rc == SQLITE_ERROR) return argument_error(spec, k, azRole[k], v, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
