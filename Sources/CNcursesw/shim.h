#ifndef ASYNCVIZ_CNCURSESW_SHIM_H
#define ASYNCVIZ_CNCURSESW_SHIM_H
// The wide-character API (wget_wch, mvwaddnwstr) is declared only with this set.
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <string.h>

// Accessors for what Swift cannot import: macros, and mutable globals that
// Swift 6 strict concurrency rejects (stdscr, stdin, stdout).

/// The standard screen of the current terminal.
static inline WINDOW *av_stdscr(void) { return stdscr; }

/// newterm on the process's stdin/stdout; NULL when the terminal type is unknown.
static inline SCREEN *av_newterm(const char *type) { return newterm(type, stdout, stdin); }

/// 1 when the terminal can address the cursor (the `cup` capability), which
/// a full-screen view needs; TERM=dumb has none.
static inline int av_has_cursor_addressing(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

/// 1 when the current LC_CTYPE encodes characters in UTF-8.
static inline int av_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

static inline attr_t av_a_normal(void) { return A_NORMAL; }
static inline attr_t av_a_bold(void) { return A_BOLD; }
static inline attr_t av_a_reverse(void) { return A_REVERSE; }
static inline attr_t av_a_dim(void) { return A_DIM; }
static inline attr_t av_a_underline(void) { return A_UNDERLINE; }

/// Number of colours the terminal has (0 before start_color).

#endif
