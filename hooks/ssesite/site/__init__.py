"""The site: the project as a whole, generated pages and their views, search text."""
