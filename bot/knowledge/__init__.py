"""Information and advice: short, checked answers to the questions people ask most."""
