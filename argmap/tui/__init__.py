"""The terminal editor, ``argmap edit``: a Textual shell around :mod:`argmap.document` and :mod:`argmap.ops`."""
