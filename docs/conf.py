# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sphinx configuration of gicsim's documentation:
#   sphinx-build -W -b html docs build/docs
# (scripts/test.sh builds it so, with warnings as errors; Debian's
# python3-sphinx, which scripts/install-deps.sh installs).
project = "gicsim"
copyright = "the gicsim authors"
author = "the gicsim authors"
root_doc = "index"
exclude_patterns = []
# Plain reStructuredText only: no extensions, no theme beyond Sphinx's own
extensions = []
html_theme = "alabaster"
html_static_path = []
# Literal blocks are not code in one language: no highlighting guesses
highlight_language = "none"
