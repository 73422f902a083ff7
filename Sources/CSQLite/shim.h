#ifndef FEEDESK_CSQLITE_SHIM_H
#define FEEDESK_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type feedesk_sqlite_transient(void) { return SQLITE_TRANSIENT; }

/// Process-wide settings, before SQLite's first use (sqlite3_config is variadic, which Swift cannot
/// call): no memory statistics, whose global mutex every allocation of every connection would take.
static inline int feedesk_sqlite_configure(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

#endif
