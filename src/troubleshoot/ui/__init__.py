"""Everything that prints or prompts lives here; nothing here decides anything."""
