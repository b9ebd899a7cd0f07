"""Helpers shared by the tests and the network map benchmark: headless Chromium and a loopback file server."""
