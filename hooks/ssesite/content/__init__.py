"""The project's own content: settings, the framework, countries, studies, drafts."""
