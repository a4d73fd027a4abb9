"""Leadership Leap: turns the structured content in ``content/`` into the guide's Markdown pages."""
