"""`make eval`: how well the assistant understands, finds help and keeps people safe,
measured in one run beside the alternatives a council would otherwise use."""
