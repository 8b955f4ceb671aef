"""The Reflex app of the citizen portal: app assembly, pages and their states."""
