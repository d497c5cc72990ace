"""The assistant: configuration, Rasa domain and components, web app and launcher."""
