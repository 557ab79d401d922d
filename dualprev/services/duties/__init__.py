"""全员安全生产责任制 use cases: duty lists, the leaders' duty records and training, their
printouts and the reminders 首页 shows."""
