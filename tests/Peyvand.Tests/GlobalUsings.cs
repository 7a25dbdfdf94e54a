global using System.Net.Http.Json;
global using Peyvand.Tests.Infrastructure;
