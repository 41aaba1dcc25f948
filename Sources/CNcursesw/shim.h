#ifndef ASYNCVIZ_CNCURSESW_SHIM_H
#define ASYNCVIZ_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncurses.h>
#endif
