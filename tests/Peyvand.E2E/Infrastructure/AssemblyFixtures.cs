using Peyvand.E2E.Infrastructure;

[assembly: AssemblyFixture(typeof(E2EApp))]
// One app and one browser on a 2-core machine: journeys run one at a time, so timings stay predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
