"""Making people safe once the risk screen has raised a level: what to say, which numbers
to give, and whether what they told us must be passed on even without their agreement."""
