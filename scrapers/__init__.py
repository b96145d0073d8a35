"""Ingestion: sources.toml -> fetch -> read -> clean -> enrich -> store under content/scraped/."""
