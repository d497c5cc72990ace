"""First Contact's inbox: staff sign in, see received hand-overs most urgent first, claim
them, record contact attempts and notes, close them with an outcome; every action audited."""
