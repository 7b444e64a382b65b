"""The note for IT once a walk ends: its content, its routing by the clock, and its delivery."""
