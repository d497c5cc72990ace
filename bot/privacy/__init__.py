"""Personal data: retention sweeps, subject access exports and erasure."""
