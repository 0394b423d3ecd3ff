// The stakeholder map webview: bundled by esbuild (browser, IIFE) into media/dist/stakeholder-map.js,
// with this CSS emitted next to it as media/dist/stakeholder-map.css.
import './stakeholder-map.css';
import { vscodeApi } from '../shared/dom';
import { StakeholderMapApp } from './app';
import type { MapState } from './protocol';

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new StakeholderMapApp(root, vscodeApi<MapState>());
