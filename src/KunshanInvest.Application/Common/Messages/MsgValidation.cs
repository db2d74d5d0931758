using FluentValidation;

namespace KunshanInvest.Application.Common.Messages;

/// <summary>Validator rules that fail with a catalogue message: its code as the ErrorCode, its arguments as the CustomState.</summary>
public static class MsgValidation
{
    public static IRuleBuilderOptions<T, TProperty> WithMsg<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Said said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return rule.WithErrorCode(said.Code).WithMessage(_ => said.ToString()).WithState(_ => said.Args);
    }

    /// <summary>A message whose arguments depend on the validated instance.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMsg<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Msg msg, Func<T, (string Name, object? Value)[]> args)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(args);
        return rule.WithErrorCode(msg.Code).WithMessage(x => msg.With(args(x)).ToString()).WithState(x => msg.With(args(x)).Args);
    }
}

/// <summary>Catalogue messages as the Domain's rule exception (422), its code naming the message.</summary>
public static class MsgRules
{
    public static Domain.Common.DomainRuleException Rule(this Said said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return new(said.Code, said.Render(System.Globalization.CultureInfo.GetCultureInfo("en-US"))) { Args = said.Args };
    }

    public static Domain.Common.DomainRuleException Rule(this Msg msg) => ((Said)msg).Rule();
}
