// fake-indexeddb gives Dexie a real IndexedDB implementation under Node.
import 'fake-indexeddb/auto';
