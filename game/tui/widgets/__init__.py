"""The console's widgets: each shows one part of the crisis and knows nothing else."""
