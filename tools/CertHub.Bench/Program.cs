using CertHub.Bench;

return args.FirstOrDefault() switch
{
    "issuance" => await IssuanceBench.RunAsync(args.Skip(1).ToArray()),
    "candidates" => await CandidatesBench.RunAsync(args.Skip(1).ToArray()),
    "tickets" => TicketsBench.Run(args.Skip(1).ToArray()),
    "scheduling" => SchedulingBench.Run(args.Skip(1).ToArray()),
    "registrations" => await RegistrationsBench.RunAsync(args.Skip(1).ToArray()),
    "statistics" => await StatisticsBench.RunAsync(args.Skip(1).ToArray()),
    "results" => await ResultsBench.RunAsync(args.Skip(1).ToArray()),
    "load" => await CertHub.Bench.Load.LoadBench.RunAsync(args.Skip(1).ToArray()),
    "faults" => await CertHub.Bench.Faults.FaultsBench.RunAsync(args.Skip(1).ToArray()),
    "faults-restart" => await CertHub.Bench.Faults.FaultsBench.RunRestartAsync(),
    "faults-sign-child" => await CertHub.Bench.Faults.SignKillRun.ChildAsync(args.Skip(1).ToArray()),
    "render" => RenderBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tools/CertHub.Bench -- issuance [records=50000] [sign=10000] [pdfs=1000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- candidates [rows=50000] [photos=2000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- tickets [count=5000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- scheduling [registrations=20000] [sites=40] [rooms=500] [invigilators=300]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- registrations [rows=20000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- statistics [registrations=1000000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- results [seats=50000] [batch=10000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- load [users=200] [seconds=120] [rows=50000] [sign=10000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- faults [rows=50000] [sign=10000]");
    Console.WriteLine("       dotnet run -c Release --project tools/CertHub.Bench -- faults-restart   # only (d) of faults: the database restarted under users");
    return 2;
}
