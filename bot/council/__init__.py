"""The council profile: names, numbers, opening hours and localities, read from profile.yml."""
