"""argmap: argument maps of real texts, edited in the terminal, drawn with Graphviz, merged in git."""

__version__ = "0.1.0"
