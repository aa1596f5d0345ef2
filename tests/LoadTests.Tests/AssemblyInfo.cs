// Rate and latency tests measure wall-clock timing: they must not share the CPU with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
