"""Self-help pages: the part of each tree a patron may follow alone, as a static site.

``path`` works out what a patron may see (data, no HTML); ``pages`` turns that into
plain HTML and CSS; ``site`` writes the folder. The staff wording never reaches a
page: a page is built from a tree's ``patron:`` texts alone, and every other way on
is "Ask at the desk".
"""
