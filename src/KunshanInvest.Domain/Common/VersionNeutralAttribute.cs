namespace KunshanInvest.Domain.Common;

/// <summary>
/// A property that colleagues' work keeps current (last activity, next follow-up date). Changing only such
/// properties does not bump the aggregate's <see cref="AggregateRoot.Version"/>, so an officer's open edit does not
/// turn stale because someone recorded a visit.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VersionNeutralAttribute : Attribute;
