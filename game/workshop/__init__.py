"""Workshop mode: trainees play in their browsers, a facilitator runs the round.

``protocol`` is the contract between the facilitator's side (the web front door and
its console) and each trainee's game process: controls go to the games, statuses come
back, as JSON meta packets over the pipe textual-serve already keeps to each process.
"""
