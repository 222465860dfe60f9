"""The site: the project as a whole, the build's steps (`pipeline`), generated pages and their
views, search text."""
