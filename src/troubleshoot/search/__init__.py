"""From the patron's words to the right tree: word folding, ranking, and the index kept
between runs.
"""
