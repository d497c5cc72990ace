"""How the processes are laid out when one machine runs several Rasa servers."""
