using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Apis;

namespace ProductStore.Users;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(ChangeRoleRequest))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(Page<UserResponse>))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ServiceTokenRequest))]
[JsonSerializable(typeof(ServiceTokenResponse))]
[JsonSerializable(typeof(DiscoveryDocument))]
[JsonSerializable(typeof(JsonWebKeySet))]
[JsonSerializable(typeof(SigningKeyRotationResponse))]
[JsonSerializable(typeof(ProductStore.ServiceDefaults.Auth.RevocationList))]
public sealed partial class UsersJsonContext : JsonSerializerContext;
