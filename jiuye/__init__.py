"""jiuye: the domain of the site — regions, campaigns, metadata schema, text extraction."""
