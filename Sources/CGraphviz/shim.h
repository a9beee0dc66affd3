#include <graphviz/gvc.h>

/* The DOT scanner's reset, which libcgraph exports (flex's yylex_destroy, prefixed aag)
   but no header declares: it puts the scanner back in the state of a fresh process. */
extern int aaglex_destroy(void);
