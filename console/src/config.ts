/** What the gateway tells the console about its identity provider (GET /console-config.json). */
export interface ConsoleConfig {
  authority: string; // Keycloak realm URL, e.g. http://127.0.0.1:8180/realms/sanctuary
  clientId: string; // sanctuary-console
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`console configuration: HTTP ${response.status}`);
  }
  return (await response.json()) as ConsoleConfig;
}
