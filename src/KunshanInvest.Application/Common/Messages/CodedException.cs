namespace KunshanInvest.Application.Common.Messages;

/// <summary>An exception whose text is a catalogue message: the edge (problem details, the page) renders it in the reader's language.</summary>
public interface ICodedException
{
    Said Said { get; }
}
