namespace Conformance.Harness.Running;

/// <summary>The module sent nothing for the give-up time after the host wrote to it.</summary>
public sealed class ModuleSilentException(TimeSpan giveUp)
    : IOException($"the module has sent nothing for {giveUp.TotalSeconds:0.###} s after a command; gave up (--give-up)");
