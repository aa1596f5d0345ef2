global using System.Net;
global using ProductStore.TestSupport;
global using ProductStore.Users.Tests.Fakes;
