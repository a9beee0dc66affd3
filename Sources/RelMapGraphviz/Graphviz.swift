/// Graphviz, in process: DOT text in, SVG/PNG/PDF bytes or a typed error out.
///
/// Every function takes the one process-wide lock around the one Graphviz context (see
/// `GraphvizContext`), so calls from many tasks are safe but run one at a time, and each
/// blocks its thread for the length of a layout. A layout cannot be cancelled and Graphviz
/// can abort the process on hostile input: for untrusted or very large graphs, run `dot`
/// in a child process with a time limit instead. Graphviz 2.42 also crashes on any message
/// of 1 kB or more (see `GraphvizMessageLog`), and its dot layout leaks a few kB per
/// cluster on every layout (29 kB for 30 nodes in 3 clusters), so a long-lived process that
/// renders many graphs should be recycled.
public enum Graphviz {}
